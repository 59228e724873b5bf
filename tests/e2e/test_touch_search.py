"""Issue 14: dragging anywhere on the reader page scrolls it (with inertia) while a tap on a link
still follows it; the search field keeps ↓/Enter after Ctrl+F, and Esc or a click outside close
its panel; characters the atlas lacks are counted whatever draws them."""
import time

from harness import App, Display, fail

with Display("1280x720") as display:
    app = App(display, size="1280x720")
    try:
        app.wait_for(lambda s: s["screen"] == "home" and "home:1-first" in s["targets"], "home screen")
        win = app.focus()
        app.click_target("home:1-first")
        app.wait_for(lambda s: s["page"] == "1-first/01-typography", "first chapter")

        # A tap on a link (press and release without moving) follows it: link 1 is 「規程の章」.
        app.click_target("toc:1-first/01-typography#禁則処理")
        app.wait_for(lambda s: "link:1" in s["targets"] and s["scroll"] > 0, "the link in view")
        app.click_target("link:1")
        app.wait_for(lambda s: s["page"] == "2-second/01-rules", "a tapped link opens its chapter")
        app.key_until("alt+Left", lambda s: s["page"] == "1-first/01-typography", "back to the first chapter")
        app.key_until("Home", lambda s: s["scroll"] == 0, "top of the page")

        # Drag on the text (not the scrollbar) upwards: the page follows the finger.
        x, y = 700, 560
        app.xdotool("mousemove", "--window", win, str(x), str(y))
        time.sleep(0.2)
        app.xdotool("mousedown", "1")
        for step in range(1, 13):
            app.xdotool("mousemove", "--window", win, str(x), str(y - step * 30))
            time.sleep(0.03)
        dragged = app.wait_for(lambda s: s["scroll"] > 150, "the page scrolled with the drag")["scroll"]
        app.xdotool("mouseup", "1")
        if app.state()["page"] != "1-first/01-typography":
            fail("a drag that started on text followed a link")
        time.sleep(0.8)
        glided = app.state()["scroll"]
        print(f"scroll after the drag: {dragged}px, after gliding: {glided}px")
        if glided < dragged:
            fail("the page moved back after the finger lifted")

        # Search: Ctrl+F, type, ↓ twice chooses the third hit without leaving the field; Enter opens it.
        app.key("ctrl+f")
        time.sleep(0.3)
        app.type("の")
        state = app.wait_for(lambda s: s["search_open"] and s["search_hits"] >= 2, "live search results")
        app.key_until("Down", lambda s: s["selected_hit"] == 1, "↓ selects the next hit")
        app.key_until("Down", lambda s: s["selected_hit"] == min(2, s["search_hits"] - 1) and s["query"] == "の",
                      "a second ↓ still moves in the results, not the page")
        app.key_until("Return", lambda s: not s["search_open"], "Enter opens the selected hit")

        # Esc closes the panel, also when the focus has left the field.
        app.key("ctrl+f")
        time.sleep(0.2)
        app.xdotool("type", "--delay", "80", "x")
        app.wait_for(lambda s: s["search_open"], "panel open again")
        app.key_until("Escape", lambda s: not s["search_open"], "Esc closes the panel")
        # A click outside the field and the panel closes it.
        app.key("ctrl+f")
        time.sleep(0.2)
        app.xdotool("type", "--delay", "80", "r")
        app.wait_for(lambda s: s["search_open"], "panel open again")
        app.xdotool("mousemove", "--window", win, "60", "650")
        time.sleep(0.1)
        app.xdotool("click", "1")
        app.wait_for(lambda s: not s["search_open"], "a click outside closes the panel")
        if app.state()["missing_glyphs"] != 0:
            fail(f"{app.state()['missing_glyphs']} characters were missing from the atlas")

        # A character no font has is counted (and drawn as 〓), wherever it is drawn.
        app.key("ctrl+f")
        time.sleep(0.2)
        app.type("😀")
        state = app.wait_for(lambda s: s["missing_glyphs"] > 0, "a missing character counted")
        print(f"missing glyphs counted for one emoji in the field and the panel: {state['missing_glyphs']}")
    finally:
        app.close()
print("ok")
