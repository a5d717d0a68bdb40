import dgram from "node:dgram";
import net from "node:net";

/**
 * A tiny authoritative DNS server on loopback that answers from a map and
 * NXDOMAIN for everything else: enough to test domain verification and
 * routing without the network. Keys are names for TXT records, and
 * "CNAME name", "A name" or "AAAA name" for the others. `records` can be
 * changed while it runs.
 */
export async function startDnsServer(records: Map<string, string[]>, port = 0) {
  const socket = dgram.createSocket("udp4");
  socket.on("message", (query, peer) => {
    const answer = respond(query, records);
    if (answer) socket.send(answer, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(port, "127.0.0.1", resolve));
  const bound = socket.address().port;
  return { address: `127.0.0.1:${bound}`, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

const TYPES = { 1: "A", 5: "CNAME", 16: "TXT", 28: "AAAA" } as const;
type Type = keyof typeof TYPES;

function respond(query: Buffer, records: Map<string, string[]>): Buffer | undefined {
  if (query.length < 12) return undefined;
  // The question: length-prefixed labels ending in a zero byte, then type and class.
  const labels: string[] = [];
  let offset = 12;
  while (offset < query.length && query[offset] !== 0) {
    const length = query[offset]!;
    labels.push(query.subarray(offset + 1, offset + 1 + length).toString("ascii"));
    offset += length + 1;
  }
  const questionEnd = offset + 5;
  if (questionEnd > query.length) return undefined;
  const type = query.readUInt16BE(offset + 1) as Type;
  const name = labels.join(".").toLowerCase();
  const kind = TYPES[type];
  const values = kind === undefined ? undefined : records.get(kind === "TXT" ? name : `${kind} ${name}`);
  // A name with other records answers an empty NOERROR (ENODATA), one with none NXDOMAIN (ENOTFOUND).
  const known = [...records.keys()].some((key) => key === name || key.endsWith(` ${name}`));

  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  // QR=1, AA=1, RD copied; RCODE 3 (NXDOMAIN) when the name has nothing at all.
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | (values || known ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(values?.length ?? 0, 6);
  const answers = (values ?? []).map((value) => {
    const data = rdata(type, value);
    const record = Buffer.alloc(12 + data.length);
    record.writeUInt16BE(0xc00c, 0); // name: pointer to the question
    record.writeUInt16BE(type, 2);
    record.writeUInt16BE(1, 4); // IN
    record.writeUInt32BE(60, 6); // TTL
    record.writeUInt16BE(data.length, 10);
    data.copy(record, 12);
    return record;
  });
  return Buffer.concat([header, query.subarray(12, questionEnd), ...answers]);
}

function rdata(type: Type, value: string): Buffer {
  if (type === 16) {
    const text = Buffer.from(value, "utf8");
    return Buffer.concat([Buffer.from([text.length]), text]);
  }
  if (type === 5) {
    return Buffer.concat([
      ...value.split(".").map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, "ascii")])),
      Buffer.from([0]),
    ]);
  }
  if (type === 1) return Buffer.from(value.split(".").map(Number));
  if (!net.isIPv6(value)) throw new Error(`${value} is not an IPv6 address`);
  // Expand "::" into zero groups, then write eight 16-bit groups.
  const [head = "", tail = ""] = value.split("::");
  const left = head ? head.split(":") : [];
  const right = value.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  const out = Buffer.alloc(16);
  groups.forEach((group, index) => out.writeUInt16BE(parseInt(group, 16), index * 2));
  return out;
}
