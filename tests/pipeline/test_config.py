import pytest

from citecheck.model.errors import ConfigError
from citecheck.pipeline.config import build_settings


def test_defaults_without_config(tmp_path):
    s = build_settings(flags={}, cwd=tmp_path, env={})
    assert s.fail_on == "error" and not s.offline and s.crossref_url.startswith("https://")


def test_pyproject_table_env_and_flag_precedence(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.citecheck]\nfail-on = "warning"\nmailto = "a@x.org"\nignore = ["off-topic"]\n'
        'severity = { listed-not-cited = "info" }\n',
        encoding="utf-8",
    )
    s = build_settings(flags={}, cwd=tmp_path, env={"CITECHECK_MAILTO": "b@x.org"})
    assert s.fail_on == "warning" and s.mailto == "b@x.org" and s.ignore == ("off-topic",)
    assert s.severity == {"listed-not-cited": "info"}
    s = build_settings(flags={"fail_on": "never", "mailto": None}, cwd=tmp_path, env={})
    assert s.fail_on == "never" and s.mailto == "a@x.org"


def test_citecheck_toml_in_parent_folder(tmp_path):
    (tmp_path / "citecheck.toml").write_text("offline = true\n", encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert build_settings(flags={}, cwd=sub, env={}).offline is True


def test_unknown_key_is_named(tmp_path):
    (tmp_path / "citecheck.toml").write_text('fail_onn = "error"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="fail_onn"):
        build_settings(flags={}, cwd=tmp_path, env={})


def test_bad_value_is_named(tmp_path):
    (tmp_path / "citecheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="fail_on"):
        build_settings(flags={}, cwd=tmp_path, env={})


def test_broken_toml(tmp_path):
    (tmp_path / "citecheck.toml").write_text("fail-on = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read"):
        build_settings(flags={}, cwd=tmp_path, env={})


def test_offline_and_urls_from_environment(tmp_path):
    env = {"CITECHECK_OFFLINE": "1", "CITECHECK_CROSSREF_URL": "http://127.0.0.1:9"}
    s = build_settings(flags={}, cwd=tmp_path, env=env)
    assert s.offline and s.crossref_url == "http://127.0.0.1:9"
