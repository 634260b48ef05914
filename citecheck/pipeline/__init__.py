"""The run: settings from config, loading, linking, registry and topic stages, rules,
suppressions, baseline and batch reports (:mod:`citecheck.pipeline.engine`)."""
