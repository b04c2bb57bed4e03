// Utilities: digests as Java signed bytes, SimpleDateFormat patterns, UUIDs, base64 and the virtual sleep.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { testContext, VirtualClock } from "./core";
import { Charset, DigestAlgorithm, FakeUtilities, formatSimpleDate } from "./utilities";

function utils() {
  const clock = new VirtualClock("2026-03-02T08:00:00Z");
  const counter = new CallCounter();
  return { clock, counter, u: new FakeUtilities(testContext({ clock }), counter) };
}

describe("Utilities.computeDigest", () => {
  it("returns SHA-256 as 32 signed bytes equal to the hex digest", () => {
    const { u } = utils();
    const bytes = u.computeDigest(DigestAlgorithm.SHA_256, "abc", Charset.UTF_8);
    expect(bytes).toHaveLength(32);
    expect(bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    const hex = bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, "0")).join("");
    expect(hex).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // 0xba = 186 -> -70 as a Java byte
    expect(bytes[0]).toBe(-70);
  });

  it("supports MD5, UTF-8 text and byte arrays", () => {
    const { u } = utils();
    const md5 = u.computeDigest(DigestAlgorithm.MD5, "预算", Charset.UTF_8);
    const expected = [...createHash("md5").update("预算", "utf8").digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(md5).toEqual(expected);
    expect(u.computeDigest(DigestAlgorithm.SHA_256, [97, 98, 99])).toEqual(
      u.computeDigest(DigestAlgorithm.SHA_256, "abc"),
    );
  });

  it("encodes US_ASCII like Java: unencodable characters become '?'", () => {
    const { u } = utils();
    expect(u.computeDigest(DigestAlgorithm.MD5, "é", Charset.US_ASCII)).toEqual(
      u.computeDigest(DigestAlgorithm.MD5, "?", Charset.US_ASCII),
    );
  });
});

describe("Utilities.computeHmacSha256Signature", () => {
  const hex = (bytes: number[]) => bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, "0")).join("");

  it("matches RFC 4231 test case 2 as 32 signed bytes", () => {
    const { u } = utils();
    const mac = u.computeHmacSha256Signature("what do ya want for nothing?", "Jefe");
    expect(mac).toHaveLength(32);
    expect(mac.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(hex(mac)).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  it("encodes text as UTF-8 by default and as asked, and takes byte arrays", () => {
    const { u } = utils();
    const utf8 = u.computeHmacSha256Signature("预算 = 1200", "k", Charset.UTF_8);
    expect(u.computeHmacSha256Signature("预算 = 1200", "k")).toEqual(utf8);
    expect(hex(utf8)).toBe(createHmac("sha256", "k").update("预算 = 1200", "utf8").digest("hex"));
    expect(u.computeHmacSha256Signature("é", "k", Charset.US_ASCII)).toEqual(
      u.computeHmacSha256Signature("?", "k", Charset.US_ASCII),
    );
    expect(u.computeHmacSha256Signature([97, 98, 99], [107])).toEqual(u.computeHmacSha256Signature("abc", "k"));
  });

  it("depends on the key, and is counted", () => {
    const { u, counter } = utils();
    expect(u.computeHmacSha256Signature("row", "key-1")).not.toEqual(u.computeHmacSha256Signature("row", "key-2"));
    expect(counter.get("Utilities.computeHmacSha256Signature")).toBe(2);
  });
});

describe("Utilities.formatDate", () => {
  const d = new Date("2026-03-02T08:05:09.007Z");

  it.each([
    ["yyyy-MM-dd", "Europe/Berlin", "2026-03-02"],
    ["HH:mm", "Europe/Berlin", "09:05"],
    ["HH:mm:ss.SSS", "UTC", "08:05:09.007"],
    ["EEE, d MMM yyyy", "UTC", "Mon, 2 Mar 2026"],
    ["EEEE MMMM", "UTC", "Monday March"],
    ["yy/M/d h:mm a", "America/Los_Angeles", "26/3/2 12:05 AM"],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", "Asia/Shanghai", "2026-03-02T16:05:09+08:00"],
    ["Z", "Europe/Berlin", "+0100"],
    ["X", "UTC", "Z"],
    ["D w u", "UTC", "61 10 1"],
    ["'quoted ''text''' yyyy", "UTC", "quoted 'text' 2026"],
    ["z", "UTC", "UTC"],
    ["z", "Europe/Berlin", "CET"],
    ["z", "America/New_York", "EST"],
    ["z", "Asia/Shanghai", "GMT+08:00"],
    ["HH:mm z", "GMT+08:00", "16:05 GMT+08:00"],
    ["HH:mm", "GMT-5", "03:05"],
  ])("%s in %s", (pattern, zone, expected) => {
    expect(formatSimpleDate(d, zone, pattern)).toBe(expected);
  });

  it("treats an unknown zone as GMT, as Java does, and rejects unknown pattern letters", () => {
    expect(formatSimpleDate(d, "Mars/Olympus", "HH:mm")).toBe("08:05");
    expect(() => formatSimpleDate(d, "UTC", "yyyy-bb")).toThrow("Invalid argument");
  });
});

describe("Utilities", () => {
  it("makes v4 UUIDs", () => {
    const { u } = utils();
    expect(u.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u.getUuid()).not.toBe(u.getUuid());
  });

  it("sleeps on the virtual clock, up to 300000 ms", () => {
    const { u, clock } = utils();
    const t0 = clock.now();
    u.sleep(300_000);
    expect(clock.now() - t0).toBe(300_000);
    expect(() => u.sleep(300_001)).toThrow("Invalid argument: milliseconds");
    expect(clock.now() - t0).toBe(300_000);
  });

  it("encodes and decodes base64", () => {
    const { u } = utils();
    expect(u.base64Encode("Campaign 预算")).toBe(Buffer.from("Campaign 预算").toString("base64"));
    expect(u.base64EncodeWebSafe([251, 255])).toBe("-_8=");
    expect(u.base64Decode("+/8=")).toEqual([-5, -1]);
  });

  it("counts calls", () => {
    const { u, counter } = utils();
    u.formatDate(new Date(0), "UTC", "yyyy");
    u.computeDigest(DigestAlgorithm.SHA_256, "x");
    expect(counter.snapshot()).toEqual({ "Utilities.computeDigest": 1, "Utilities.formatDate": 1 });
  });
});
