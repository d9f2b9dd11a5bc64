/** The words of a thrown value, without the `livecart: ` its own messages start with (warnings add it back). */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/^livecart: /, '');
