import type { Metadata } from 'next'

export const metadata: Metadata = {
  title: 'livecart + Next.js',
  description: 'A shoppable livestream in a Next.js page',
}

export default function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
