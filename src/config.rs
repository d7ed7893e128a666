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
}

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
