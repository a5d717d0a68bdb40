import "server-only";
import tls from "node:tls";
import { getEnv } from "@/lib/env";

/**
 * The re-check job's look at the TLS edge (issue 16): a handshake with the
 * edge's own address, naming the domain (SNI), to see the certificate the
 * edge serves for it and when that expires. It always connects to the edge
 * (EDGE_PROBE_ADDRESS, or EDGE_HOSTNAME / EDGE_IPV4 on 443), never to where
 * a tenant's DNS points, so a tenant cannot aim it at anything else. It
 * reads the certificate and closes: no HTTP request is sent. Trust in the
 * chain is not judged here (tests use Caddy's internal CA); whether the
 * certificate names the domain is.
 */
export type CertificateProbe = { ok: true; expiresAt: Date } | { ok: false; problem: string };

export type ProbeTarget = { host: string; port: number };

const TIMEOUT_MS = 5_000;

/** Where the probe connects, from the environment; null when no edge is configured. */
export function edgeProbeTarget(): ProbeTarget | null {
  const env = getEnv();
  if (env.EDGE_PROBE_ADDRESS) {
    const split = env.EDGE_PROBE_ADDRESS.lastIndexOf(":");
    return {
      host: env.EDGE_PROBE_ADDRESS.slice(0, split).replace(/^\[|\]$/g, ""),
      port: Number(env.EDGE_PROBE_ADDRESS.slice(split + 1)),
    };
  }
  const host = env.EDGE_HOSTNAME ?? env.EDGE_IPV4;
  return host ? { host, port: 443 } : null;
}

export function probeCertificate(hostname: string, target: ProbeTarget): Promise<CertificateProbe> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: target.host,
      port: target.port,
      servername: hostname,
      rejectUnauthorized: false,
      timeout: TIMEOUT_MS,
    });
    const finish = (result: CertificateProbe) => {
      socket.destroy();
      resolve(result);
    };
    socket.once("secureConnect", () => {
      const certificate = socket.getPeerCertificate();
      if (!certificate || !certificate.valid_to) return finish({ ok: false, problem: "The edge sent no certificate." });
      const mismatch = tls.checkServerIdentity(hostname, certificate);
      if (mismatch) return finish({ ok: false, problem: `The edge's certificate is not for ${hostname}.` });
      finish({ ok: true, expiresAt: new Date(certificate.valid_to) });
    });
    socket.once("timeout", () => finish({ ok: false, problem: "The edge did not answer the TLS handshake in time." }));
    socket.once("error", (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        problem: /alert|handshake/i.test(error.message)
          ? `The edge refused a TLS handshake for ${hostname}.`
          : `The edge could not be reached (${error.code ?? error.message}).`,
      }),
    );
  });
}
