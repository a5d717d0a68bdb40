import type { Plan } from "@/lib/db/generated/prisma/enums";

type DailyUsage = {
  day: Date;
  activeUsers: number;
  apiCalls: bigint;
  storageBytes: bigint;
  bandwidthBytes: bigint;
  revenueCents: bigint;
};

const SCALE: Record<Plan, number> = { free: 0.2, basic: 1, pro: 4, enterprise: 12 };

/** Deterministic pseudo-random numbers (mulberry32), so the demo looks the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/**
 * `days` days of plausible usage ending yesterday (UTC): steady growth, quieter
 * weekends, some noise; storage only grows.
 */
export function demoUsageSeries(slug: string, plan: Plan, days: number, today = new Date()): DailyUsage[] {
  const next = random(seedOf(slug));
  const scale = SCALE[plan];
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * 86_400_000;
  let storage = 40_000_000 * scale;
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(start + i * 86_400_000);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const trend = (1 + i / days) * (weekend ? 0.45 : 1) * (0.85 + next() * 0.3);
    storage += 150_000 * scale * next();
    const apiCalls = Math.round(2_500 * scale * trend);
    return {
      day,
      activeUsers: Math.max(1, Math.round(12 * scale * trend)),
      apiCalls: BigInt(apiCalls),
      storageBytes: BigInt(Math.round(storage)),
      bandwidthBytes: BigInt(apiCalls * Math.round(1_800 + next() * 600)),
      revenueCents: BigInt(Math.round(40_000 * scale * trend)),
    };
  });
}
