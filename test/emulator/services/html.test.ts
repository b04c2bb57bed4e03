// HtmlService: files from the bundle folder, scriptlet templates, HtmlOutput.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { FakeHtmlService, type HtmlHost, templateCode } from "./html";

const files: Record<string, string> = {
  Sidebar: "<h1><?= title ?></h1><? for (var i = 0; i < rows.length; i++) { ?><p><?= rows[i] ?></p><? } ?><?!= raw ?>",
  Plain: "<p>plain</p>",
};

function service() {
  const counter = new CallCounter();
  const host: HtmlHost = {
    readFile: (name) => files[name] ?? null,
    // Sloppy code at global scope, which `with` needs; the runtime compiles in the script's realm instead.
    compile: (source) => vm.runInThisContext(source),
  };
  return { counter, html: new FakeHtmlService(host, counter) };
}

describe("HtmlService", () => {
  it("serves a file from the bundle folder, with or without .html", () => {
    const { html } = service();
    expect(html.createHtmlOutputFromFile("Plain").getContent()).toBe("<p>plain</p>");
    expect(html.createHtmlOutputFromFile("Plain.html").getContent()).toBe("<p>plain</p>");
    expect(() => html.createHtmlOutputFromFile("Missing")).toThrow("No HTML file named Missing was found.");
  });

  it("evaluates templates: <?= ?> escaped, <?!= ?> raw, <? ?> code, properties in scope", () => {
    const { html } = service();
    const t = html.createTemplateFromFile("Sidebar") as ReturnType<FakeHtmlService["createTemplateFromFile"]> &
      Record<string, unknown>;
    t.title = "Plans & <budgets>";
    t.rows = ["a", "<b>"];
    t.raw = "<script>1</script>";
    expect(t.evaluate().getContent()).toBe(
      "<h1>Plans &amp; &lt;budgets&gt;</h1><p>a</p><p>&lt;b&gt;</p><script>1</script>",
    );
    expect(t.getRawContent()).toBe(files.Sidebar);
  });

  it("escapes quotes and prints null and undefined as nothing", () => {
    const { html } = service();
    const t = html.createTemplate(`<a title="<?= q ?>"><?= n ?><?= u ?></a>`) as ReturnType<
      FakeHtmlService["createTemplate"]
    > &
      Record<string, unknown>;
    t.q = `"it's"`;
    t.n = null;
    t.u = undefined;
    expect(t.evaluate().getContent()).toBe(`<a title="&quot;it&#39;s&quot;"></a>`);
  });

  it("compiles text with quotes and newlines safely", () => {
    const code = templateCode('a "quoted"\nline <?= 1 + 1 ?>');
    expect(vm.runInThisContext(code)({}, String, String)).toBe('a "quoted"\nline 2');
  });

  it("HtmlOutput keeps title, size and content; append adds raw, appendUntrusted escapes", () => {
    const { html } = service();
    const out = html.createHtmlOutput("<p>").setTitle("Campaigns").setWidth(300).setHeight(200).append("x</p>");
    out.appendUntrusted("<i>");
    expect(out.getTitle()).toBe("Campaigns");
    expect(out.getContent()).toBe("<p>x</p>&lt;i&gt;");
    expect(out.snapshot()).toEqual({ title: "Campaigns", html: "<p>x</p>&lt;i&gt;", width: 300, height: 200 });
  });

  it("counts calls", () => {
    const { html, counter } = service();
    html.createTemplateFromFile("Plain").evaluate().setTitle("t");
    expect(counter.snapshot()).toEqual({
      "HtmlOutput.setTitle": 1,
      "HtmlService.createTemplateFromFile": 1,
      "HtmlTemplate.evaluate": 1,
    });
  });
});
