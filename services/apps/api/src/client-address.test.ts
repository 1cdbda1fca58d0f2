import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { addressBucket, clientAddressOf, unknownAddress } from "./client-address.ts";

describe("addressBucket", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:ffff:0:0:1", "2001:db8:1:2::/64"],
    ["[2001:db8::1]", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["192.168.001.010", "192.168.001.010"],
    ["255.255.255.255", "255.255.255.255"],
    ["198.51.100.7%eth0", "198.51.100.7"],
  ])("%s is counted as %s", (text, bucket) => {
    expect(addressBucket(text)).toBe(bucket);
  });

  it.each(["", "unknown", "256.1.1.1", "1.2.3", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "12345::1", "a".repeat(50)])(
    "%s is no address",
    (text) => {
      expect(addressBucket(text)).toBeUndefined();
    },
  );
});

describe("clientAddressOf", () => {
  const app = (hops: number) => new Hono().get("/", (c) => c.text(clientAddressOf(c, hops)));
  const from = async (hops: number, forwardedFor?: string) =>
    (await app(hops).request("/", { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} })).text();

  it("ignores X-Forwarded-For without trusted proxies", async () => {
    expect(await from(0, "198.51.100.1")).toBe(unknownAddress);
  });

  it("takes the entry as many places from the right as there are trusted proxies", async () => {
    expect(await from(1, "10.0.0.1, 198.51.100.1")).toBe("198.51.100.1");
    expect(await from(2, "10.0.0.1, 198.51.100.1, 192.0.2.1")).toBe("198.51.100.1");
    expect(await from(3, "10.0.0.1,198.51.100.1,192.0.2.1,192.0.2.2")).toBe("198.51.100.1");
    expect(await from(1, "  198.51.100.9  ")).toBe("198.51.100.9");
  });

  it("falls back to the peer when the header is missing, too short or no address", async () => {
    expect(await from(1)).toBe(unknownAddress);
    expect(await from(2, "198.51.100.1")).toBe(unknownAddress);
    expect(await from(1, "not-an-address")).toBe(unknownAddress);
    expect(await from(2, ",198.51.100.1")).toBe(unknownAddress);
    expect(await from(1, "198.51.100.1,")).toBe(unknownAddress);
  });
});
