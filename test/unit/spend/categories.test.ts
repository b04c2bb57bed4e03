// Categories typed in any case or width are one category, spelt as the Settings list spells it.
import { describe, expect, it } from "vitest";
import { categoryNamer } from "../../../src/domain/spend";

describe("categoryNamer", () => {
  const name = categoryNamer(["Media", "Events", "KOL", "差旅"]);

  it("gives the list's spelling for any case, width or spacing of an entry", () => {
    for (const typed of ["Media", "media", "MEDIA", " Media ", "Ｍｅｄｉａ", "ｍｅｄｉａ", "ＭＥＤＩＡ"]) {
      expect(name(typed)).toBe("Media");
    }
    expect(name("ｋｏｌ")).toBe("KOL");
    expect(name("差旅")).toBe("差旅");
  });

  it("lets two spellings of a category the list lacks meet under the first one met", () => {
    const fresh = categoryNamer(["Media"]);
    expect(fresh("Print  ads")).toBe("Print ads");
    expect(fresh("ＰＲＩＮＴ ａｄｓ")).toBe("Print ads");
    expect(fresh("Radio")).toBe("Radio");
  });

  it("keeps categories that differ in letters apart", () => {
    expect(name("Medias")).toBe("Medias");
    expect(name("Event")).toBe("Event");
  });
});
