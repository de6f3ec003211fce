"""The small pieces of the playbook plugin's events (playbook/site/), on their own."""

from playbook.site.cjk_line_breaks import on_page_content
from playbook.site.offline import SHIM, on_config


def test_line_breaks_between_chinese_characters_are_removed_outside_code():
    html = "<p>完成，都没有说。\n到了年底\nand then\n英文 word\n</p><pre><code>代码\n保持</code></pre>"
    assert on_page_content(html) == "<p>完成，都没有说。到了年底\nand then\n英文 word\n</p><pre><code>代码\n保持</code></pre>"


def test_offline_polyfill_comes_from_the_site_not_a_cdn():
    class Config:
        extra = {"polyfills": ["https://unpkg.com/iframe-worker/shim", "assets/x.js"]}

    assert on_config(Config()).extra["polyfills"] == [SHIM, "assets/x.js"]
