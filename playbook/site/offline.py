"""Keep the offline build (`OFFLINE=true`, material's offline plugin) free of third-party requests.

The offline plugin adds a polyfill from a CDN (iframe-worker, which lets the search worker run from
file://). We ship that file ourselves (overrides/assets/javascripts/vendor/, MIT, from the npm package
iframe-worker 1.0.4), so this hook swaps the CDN address for ours. It runs after the plugin's on_config,
as mkdocs.yml lists the playbook plugin after it.
"""

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def on_config(config, **kwargs):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]
    return config
