import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { devOrigins } from "./dev-origins";

describe("devOrigins", () => {
  it("allows loopback and every address of the machine when binding all interfaces", () => {
    const hosts = devOrigins({});
    expect(hosts).toEqual(expect.arrayContaining(["localhost", "127.0.0.1"]));
    const ipv4 = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a?.family === "IPv4")
      .map((a) => a!.address);
    expect(hosts).toEqual(expect.arrayContaining(ipv4));
  });

  it("allows the bound HOST and extra names, not other interfaces", () => {
    const hosts = devOrigins({ HOST: "192.168.1.20", DEV_ALLOWED_ORIGINS: "mybox.local, *.lan" });
    expect(hosts).toEqual(["localhost", "127.0.0.1", "[::1]", "192.168.1.20", "mybox.local", "*.lan"]);
  });
});
