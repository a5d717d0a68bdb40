import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-24 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-3xl font-bold">This page does not exist</h1>
      <p className="text-fg-muted">Check the address, or go back to the start.</p>
      <Link href="/" className="mx-auto rounded-md bg-brand px-4 py-2 font-medium text-brand-foreground">
        Go to the home page
      </Link>
    </main>
  );
}
