import dgram from "node:dgram";

/**
 * A tiny authoritative DNS server on loopback that answers TXT queries from a
 * map and NXDOMAIN for everything else: enough to test domain verification
 * without the network. `records` can be changed while it runs.
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

const TYPE_TXT = 16;

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
  const type = query.readUInt16BE(offset + 1);
  const values = type === TYPE_TXT ? records.get(labels.join(".").toLowerCase()) : undefined;

  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2); // id
  // QR=1, AA=1, RD copied; RCODE 3 (NXDOMAIN) when there is nothing to answer.
  header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | (values ? 0 : 3), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(values?.length ?? 0, 6);
  const answers = (values ?? []).map((value) => {
    const text = Buffer.from(value, "utf8");
    const record = Buffer.alloc(12 + 1 + text.length);
    record.writeUInt16BE(0xc00c, 0); // name: pointer to the question
    record.writeUInt16BE(TYPE_TXT, 2);
    record.writeUInt16BE(1, 4); // IN
    record.writeUInt32BE(60, 6); // TTL
    record.writeUInt16BE(1 + text.length, 10);
    record.writeUInt8(text.length, 12);
    text.copy(record, 13);
    return record;
  });
  return Buffer.concat([header, query.subarray(12, questionEnd), ...answers]);
}
