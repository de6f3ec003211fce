"""The playbook's events, in the order and at the priorities the build needs (mkdocs.yml lists `playbook` last
among the plugins, so at equal priority its handlers run after every other plugin's)."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from playbook.core import addresses, caching, raw_html

from .calculators import events as workbooks
from .calculators import scripts as calculator_scripts
from .config import PlaybookConfig
from .courses import events as courses
from .search import events as search
from .search import parsed  # noqa: F401  gives material's search plugin its parser as it is imported
from .site import cjk_line_breaks, installable, offline, page_cache, per_language, site_writes, theme_files, watching
from .site import git_info  # noqa: F401  wraps mkdocs-macros' git variable as it is imported


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    def on_startup(self, *, command, dirty):
        search.on_startup()
        site_writes.on_startup(command)  # `mkdocs serve` keeps the site folder, writing only what changed

    def on_pre_build(self, *, config):
        site_writes.on_pre_build()
        per_language.on_pre_build(config)  # 404.html in the default language only

    def on_build_error(self, *, error):
        site_writes.on_build_error()

    @event_priority(100)  # before the macros plugin loads the data, which may use the caches
    def _set_cache(self, config):
        caching.switch(self.config.cache)

    @event_priority(100)  # before material's search plugin makes its environment (on_config)
    def _theme_files(self, config):
        theme_files.on_config(config)  # the theme's files listed, its templates compiled once per process

    def _on_config(self, config):
        problem = addresses.config_problem(config)
        if problem:
            raise PluginError(f"{Path(config.config_file_path or 'mkdocs.yml').name}: {problem}")
        if not any(isinstance(extension, raw_html.Blocks) for extension in config.markdown_extensions):
            config.markdown_extensions.append(raw_html.Blocks())  # the macros' HTML blocks, not parsed again
        search.on_config(config)  # jieba learns the glossary's words
        if self.config.course_pages:
            courses.on_config(config)  # a nav section per course
        offline.on_config(config)  # after material's offline plugin has added its polyfills
        installable.on_config(config)  # the default language's site name, before static-i18n switches it
        return config

    on_config = CombinedEvent(_set_cache, _theme_files, _on_config)

    def on_serve(self, server, *, config, builder):
        return watching.on_serve(server, config)  # told of a save at once, where the file system can

    def on_env(self, env, *, config, files):
        per_language.on_env(env)
        search.on_env(env)
        return page_cache.on_env(env, config, files)  # every page converted and titled, none rendered yet

    def on_template_context(self, context, *, template_name, config):
        return per_language.on_template_context(context, template_name, config)

    @event_priority(-150)  # after static-i18n (-100) has translated the nav
    def on_nav(self, nav, *, config, files):
        return page_cache.on_nav(courses.on_nav(nav, config, files) if self.config.course_pages else nav)

    @event_priority(-150)  # after static-i18n (-100) has chosen the files of the language being built
    def on_files(self, files, *, config):
        files = calculator_scripts.on_files(files, config)  # each calculator folder's formula.js
        return courses.on_files(files, config) if self.config.course_pages else files

    @event_priority(-100)  # after every other on_page_markdown (the macros): the Markdown as it is converted
    def on_page_markdown(self, markdown, *, page, config, files):
        return page_cache.on_page_markdown(markdown, page, config, files)

    @event_priority(100)  # before every other on_page_content: the HTML as Python-Markdown made it
    def _cached_content(self, html, *, page, config, files):
        return page_cache.on_page_content(html, page, files)

    def _line_breaks(self, html, *, page, config, files):
        return cjk_line_breaks.on_page_content(html)

    on_page_content = CombinedEvent(_cached_content, _line_breaks)

    @event_priority(100)  # before every other on_post_page: the page as the theme's templates rendered it
    def on_post_page(self, output, *, page, config):
        return page_cache.on_post_page(output, page)

    @event_priority(-150)  # after static-i18n's last language, before the search split and the offline zip
    def _workbooks(self, config):
        workbooks.on_post_build(config)

    @event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
    def _search_indexes(self, config):
        search.on_post_build(config)

    @event_priority(-300)  # after the search split: the per-language indexes are final
    def _installable(self, config):
        installable.on_post_build(config)

    @event_priority(-1000)  # last: once every language is built, what the build did not make goes
    def _stale_files(self, config):
        site_writes.on_post_build()

    on_post_build = CombinedEvent(_workbooks, _search_indexes, _installable, _stale_files)
