const encoder = new TextEncoder();

// Not a Blob's size: each Blob is registered with the browser process, which costs milliseconds per batch.
/** The length of a string in UTF-8 bytes, as it goes over the wire and into the outbox's bound. */
export const byteLength = (text: string) => encoder.encode(text).length;
