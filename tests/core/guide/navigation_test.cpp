#include <doctest/doctest.h>

#include "guide/navigation.h"

using namespace tebiki;

TEST_CASE("[History] back and forward walk visits like a browser and a new visit drops forward") {
    History h;
    h.go({"a", "", -1});
    h.go({"b", "", -1});
    h.remember_scroll(120);
    h.go({"c", "", -1});
    REQUIRE(h.back());
    CHECK(h.current().chapter_id == "b");
    CHECK(h.current().scroll_y == 120);
    REQUIRE(h.forward());
    CHECK(h.current().chapter_id == "c");
    h.back();
    h.go({"d", "", -1});
    CHECK_FALSE(h.can_forward());
    CHECK(h.back());
    CHECK(h.current().chapter_id == "b");
}
