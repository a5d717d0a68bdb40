import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { mailInvitation } from "@/lib/members/invitation-mail";

const received: { to: string[]; body: string }[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, done) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as { port: number }).port;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  resetEnvCache();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const invite = {
  to: "new.person@acme.test",
  tenantName: "Acme Corporation",
  role: "MEMBER",
  invitedBy: "Olive Owner",
  link: "http://acme.localhost:3000/invite/abc",
};

describe("invitation mail", () => {
  it("is skipped, with the reason, when no mail server is configured", async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    expect(await mailInvitation(invite)).toEqual({ sent: false, reason: "no mail server is configured (SMTP_URL)" });
  });

  it("is sent through SMTP_URL with the link", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
    expect(await mailInvitation(invite)).toEqual({ sent: true });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["new.person@acme.test"]);
    expect(received[0]!.body).toContain("Subject: You are invited to Acme Corporation");
    expect(received[0]!.body).toContain("http://acme.localhost:3000/invite/abc");
    expect(received[0]!.body).toContain("Olive Owner invited you to join Acme Corporation as member.");
  });

  it("reports a failing mail server instead of throwing", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvCache();
    expect(await mailInvitation(invite)).toEqual({ sent: false, reason: "the mail server did not accept the message" });
  });
});
