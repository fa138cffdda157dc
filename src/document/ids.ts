/** A fresh random id. Random rather than counted, so that ids never collide after a restore. */
export function newId(): string {
  return crypto.randomUUID();
}
