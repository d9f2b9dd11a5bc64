import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // This app sits inside the livecart repository, whose own package-lock.json would
  // otherwise be taken for the workspace root's.
  turbopack: { root: __dirname },
}

export default nextConfig
