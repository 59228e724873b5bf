"""Drive the real window with xdotool: click home tiles and TOC entries, next-chapter key,
history back/forward, search with the keyboard."""
import time

from harness import App, Display, fail

with Display() as display:
    app = App(display)
    try:
        app.wait_for(lambda s: s["screen"] == "home" and "home:1-first" in s["targets"], "home screen")
        app.focus()
        app.click_target("home:1-first")
        app.wait_for(lambda s: s["page"] == "1-first/01-typography", "first chapter opened from its tile")

        # Open the second part in the table of contents, then click its chapter.
        app.click_target("toc:2-second")
        app.wait_for(lambda s: "toc:2-second/01-rules" in s["targets"], "second part expanded")
        app.click_target("toc:2-second/01-rules")
        app.wait_for(lambda s: s["page"] == "2-second/01-rules", "chapter opened from the TOC")

        app.key_until("alt+Left", lambda s: s["page"] == "1-first/01-typography", "Alt+Left goes back")
        app.key_until("alt+Right", lambda s: s["page"] == "2-second/01-rules", "Alt+Right goes forward")
        app.key_until("ctrl+Prior", lambda s: s["page"] == "1-first/01-typography", "Ctrl+PageUp opens the previous chapter")
        app.key_until("ctrl+Next", lambda s: s["page"] == "2-second/01-rules", "Ctrl+PageDown opens the next chapter")

        # A TOC section entry scrolls the page to that heading.
        app.key_until("ctrl+Prior", lambda s: "toc:1-first/01-typography#出張" in s["targets"], "sections listed")
        app.click_target("toc:1-first/01-typography#出張")
        app.wait_for(lambda s: s["scroll"] > 0, "page scrolled to the section")

        # Search: Ctrl+F, type, Enter opens the best hit.
        app.key("ctrl+f")
        time.sleep(0.3)
        app.xdotool("type", "--delay", "80", "lgwan")
        app.wait_for(lambda s: s["search_open"] and s["search_hits"] >= 1, "live search results")
        app.key_until("Return", lambda s: not s["search_open"], "search hit opened")
        if app.state()["page"] != "1-first/01-typography":
            fail("Enter opened the wrong page")

        state = app.state()
        if state["missing_glyphs"] != 0:
            fail(f"{state['missing_glyphs']} glyphs were drawn as '?'")
    finally:
        app.close()
print("ok")
