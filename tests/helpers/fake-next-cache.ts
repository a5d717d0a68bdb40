// Stands in for `next/cache` outside a Next server: revalidation has nothing
// to do, and cached functions run every time.
export function revalidatePath(): void {}
export function revalidateTag(): void {}
export function unstable_cache<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  return fn;
}
