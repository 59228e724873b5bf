// toml++ recurses once per nesting level when it builds and frees tables: 100,000 dotted key
// parts crash it. parse_toml refuses nesting past its limit first, with the line (defect 8).
#include <doctest/doctest.h>

#include "test_text.h"

#include <string>

#include "util/toml_guard.h"

using namespace tebiki;

TEST_CASE("[TOML] 100,000 levels of tables are an error with the line, not a crash (defect 8)") {
    const std::pair<const char*, std::string> cases[] = {
        {"table header", "title = \"x\"\n\n[" + repeat("a.", 100000) + "a]\nk = 1\n"},
        {"array of tables", "title = \"x\"\n\n[[" + repeat("a.", 100000) + "a]]\nk = 1\n"},
        {"dotted key", "title = \"x\"\n\n" + repeat("a.", 100000) + "a = 1\n"},
        {"dotted keys in inline tables", "title = \"x\"\n\nv = " + repeat("{" + repeat("b.", 60) + "c = ", 200) + "1" + repeat("}", 200) + "\n"},
        {"header plus dotted keys", "title = \"x\"\n[" + repeat("a.", 60) + "a]\n" + repeat("b.", 60) + "c = 1\n" + repeat("d.", 60) + "e = 1\n"},
        {"arrays", "title = \"x\"\n\nv = " + repeat("[", 100000) + repeat("]", 100000) + "\n"},
    };
    for (const auto& [name, text] : cases) {
        CAPTURE(name);
        try {
            (void)parse_toml(text, "deep.toml");
            FAIL("parsed");
        } catch (const toml::parse_error& e) {
            CHECK(e.source().begin.line == 3);
            CHECK(e.source().path);
            CHECK(*e.source().path == "deep.toml");
        }
    }
}

TEST_CASE("[TOML] ordinary files parse as toml::parse does and dots in strings and values do not count") {
    const std::string text = "title = \"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h\"\n"
                             "# a comment with dots . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .\n"
                             "'literal.key' = 1.5\n"
                             "ml = '''\n" + repeat("x.", 500) + "\n'''\n"
                             "[a.b.c]\n"
                             "\"quoted.key\".d = { e.f = 2, g = [1.5, 2.5] }\n"
                             "[[list]]\nx = 1\n[[list]]\nx = 2\n";
    const toml::table t = parse_toml(text, "ok.toml");
    CHECK(t["a"]["b"]["c"]["quoted.key"]["d"]["e"]["f"].value<int64_t>() == 2);
    CHECK(t["list"].as_array()->size() == 2);
    CHECK(t["literal.key"].value<double>() == 1.5);
    // Syntax errors come through unchanged.
    CHECK_THROWS_AS((void)parse_toml("a = \n", "bad.toml"), toml::parse_error);
}
