/** A new random id. Web Crypto is in every supported browser and in Node, so the model stays DOM-free. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
