//! Runtime configuration read from `config.json` at start, so one build serves the
//! sandbox, a same-origin gateway or the real API without rebuilding.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct RuntimeConfig {
    /// Base URL of the partner (BSS) API; empty means same origin.
    #[serde(default)]
    pub api_base_url: String,
    /// Base URL of IAM for sign-in; empty means same origin.
    #[serde(default)]
    pub iam_base_url: String,
    /// `cn` or `intl`: which site this deployment is.
    #[serde(default = "default_site")]
    pub site: String,
    #[serde(default)]
    pub default_locale: Option<String>,
    #[serde(default = "default_timeout")]
    pub request_timeout_ms: u32,
    /// Always run embedded in a portal (also turned on per tab by `?embed=1`).
    #[serde(default)]
    pub embed: bool,
    /// Portal origins whose `postMessage` the embedded app accepts (and answers).
    #[serde(default)]
    pub embed_allowed_origins: Vec<String>,
    /// How often an open app checks `version.json` for a new deployment.
    #[serde(default = "default_version_check")]
    pub version_check_interval_ms: u32,
    /// X4: where the site notice sends international users (default: [`INTL_SITE_URL`] in
    /// the person's language).
    #[serde(default)]
    pub intl_site_url: Option<String>,
    /// Development pages (`/dev/table`): always in a debug build, in a release build only when
    /// this is true (the e2e tests and the benchmark set it: `--app-config dev_pages=true`).
    #[serde(default)]
    pub dev_pages: bool,
}

/// The international site's home, in zh-CN and English.
pub const INTL_SITE_URL: (&str, &str) =
    ("https://www.huaweicloud.com/intl/zh-cn/", "https://www.huaweicloud.com/intl/en-us/");

fn default_version_check() -> u32 {
    5 * 60 * 1000
}

fn default_site() -> String {
    "cn".into()
}

fn default_timeout() -> u32 {
    20_000
}

impl RuntimeConfig {
    /// X4's link: the configured international site, else [`INTL_SITE_URL`] in this language.
    pub fn intl_site_url(&self, locale: crate::i18n::Locale) -> String {
        match (&self.intl_site_url, locale) {
            (Some(url), _) if !url.trim().is_empty() => url.trim().to_string(),
            (_, crate::i18n::Locale::ZhCn) => INTL_SITE_URL.0.to_string(),
            (_, crate::i18n::Locale::En) => INTL_SITE_URL.1.to_string(),
        }
    }

    /// Whether development pages may be opened (see `dev_pages`).
    pub fn dev_pages_enabled(&self) -> bool {
        cfg!(debug_assertions) || self.dev_pages
    }

    /// Fetches `config.json` from the deployment base (next to `index.html`).
    pub async fn load() -> Result<RuntimeConfig, String> {
        let url = format!("{}config.json", crate::routes::base_path());
        let resp = gloo_net::http::Request::get(&url)
            .header("Cache-Control", "no-cache")
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if !resp.ok() {
            return Err(format!("config.json: HTTP {}", resp.status()));
        }
        let mut cfg: RuntimeConfig = resp.json().await.map_err(|e| format!("config.json: {e}"))?;
        cfg.api_base_url = cfg.api_base_url.trim_end_matches('/').to_string();
        cfg.iam_base_url = cfg.iam_base_url.trim_end_matches('/').to_string();
        Ok(cfg)
    }
}
