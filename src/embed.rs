//! Embed mode: the app inside a portal's iframe. The portal hands over the token (and
//! optionally locale and theme) with `postMessage`; the app answers only origins on the
//! allow-list in config.json, says when it is ready, reports its content height, its route and
//! an expired session (so the portal can renew the token), and follows `pc:navigate`.
//!
//! Messages from the portal: `{type: "pc:token", token, expires_at, account?, user?, locale?,
//! theme?}`, `{type: "pc:navigate", path}`. Messages to the portal: `{type: "pc:ready"}`,
//! `{type: "pc:height", height}`, `{type: "pc:route", path}`, `{type: "pc:session-expired"}`.

use crate::api::{use_auth, Session};
use crate::config::RuntimeConfig;
use crate::i18n::{use_i18n, Locale};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const EMBED_KEY: &str = "pc.embed";

#[derive(Clone)]
pub struct Embed {
    pub active: bool,
    allowed: Vec<String>,
}

impl Embed {
    /// Embedded when config.json says so, or when this tab was opened with `?embed=1`
    /// (remembered for the tab, so a reload inside the frame stays embedded).
    pub fn init(config: &RuntimeConfig) -> Self {
        let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        if query.trim_start_matches('?').split('&').any(|p| p == "embed=1") {
            crate::storage::session_set(EMBED_KEY, "1");
        }
        let active = config.embed || crate::storage::session_get(EMBED_KEY).as_deref() == Some("1");
        if active {
            if let Some(el) = document().document_element() {
                let _ = el.class_list().add_1("embedded");
            }
        }
        Embed {
            active,
            allowed: config.embed_allowed_origins.iter().map(|o| o.trim_end_matches('/').to_string()).collect(),
        }
    }

    fn allows(&self, origin: &str) -> bool {
        self.allowed.iter().any(|o| o == origin)
    }

    /// Posts to the parent window, addressed to each allowed origin: the browser delivers it
    /// only to the one the parent really has, so nothing leaks to anyone else.
    pub fn post(&self, message: serde_json::Value) {
        let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
        let Ok(data) = js_sys::JSON::parse(&message.to_string()) else { return };
        for origin in &self.allowed {
            let _ = parent.post_message(&data, origin);
        }
    }
}

pub fn use_embed() -> Embed {
    expect_context::<Embed>()
}

#[derive(Deserialize)]
struct HostMessage {
    #[serde(rename = "type")]
    kind: String,
    token: Option<String>,
    expires_at: Option<String>,
    account: Option<String>,
    user: Option<String>,
    locale: Option<String>,
    theme: Option<String>,
    path: Option<String>,
}

/// Lives inside the router: listens to the portal and reports to it.
#[component]
pub fn EmbedBridge() -> impl IntoView {
    let embed = use_embed();
    if !embed.active {
        return;
    }
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let location = use_location();

    let listener_embed = embed.clone();
    let handle = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        let origin = ev.origin();
        if !listener_embed.allows(&origin) {
            // Logged without its content: it may carry anything.
            web_sys::console::warn_1(
                &format!("Partner Center ignored a message from {origin}: not an allowed portal").into(),
            );
            return;
        }
        let text = js_sys::JSON::stringify(&ev.data()).ok().and_then(|s| s.as_string()).unwrap_or_default();
        let Ok(msg) = serde_json::from_str::<HostMessage>(&text) else { return };
        match msg.kind.as_str() {
            "pc:token" => {
                let (Some(token), Some(expires_at)) =
                    (msg.token, msg.expires_at.as_deref().and_then(partner_api::time::parse_wire))
                else {
                    return;
                };
                if let Some(l) = msg.locale.as_deref().and_then(Locale::parse) {
                    i18n.locale.set(l);
                }
                if let Some(theme) = msg.theme.filter(|t| t == "light" || t == "dark") {
                    if let Some(el) = document().document_element() {
                        let _ = el.set_attribute("data-theme", &theme);
                    }
                }
                // Keep the identity of the current session when the portal only renews the
                // token, so nothing on the page is reloaded.
                let (account, user) = auth.session.with_untracked(|s| match s {
                    Some(s) => (s.account.clone(), s.user.clone()),
                    None => (String::new(), String::new()),
                });
                auth.set_session(Session {
                    token,
                    expires_at,
                    account: msg.account.unwrap_or(account),
                    user: msg.user.unwrap_or(user),
                    stay: false,
                });
                auth.finish_reauth(true);
            }
            "pc:navigate" => {
                if let Some(path) = msg.path.filter(|p| p.starts_with('/') && !p.starts_with("//")) {
                    navigate(&path, Default::default());
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    // Content height, so the portal can size the iframe without scrollbars.
    let height_embed = embed.clone();
    let report_height = Closure::<dyn FnMut()>::new(move || {
        let height = document().document_element().map(|e| e.scroll_height()).unwrap_or(0);
        height_embed.post(serde_json::json!({ "type": "pc:height", "height": height }));
    });
    if let (Ok(observer), Some(body)) =
        (web_sys::ResizeObserver::new(report_height.as_ref().unchecked_ref()), document().body())
    {
        observer.observe(&body);
    }
    report_height.forget();

    let route_embed = embed.clone();
    Effect::new(move |_| {
        let path = crate::routes::app_path(&location.pathname.get());
        let search = location.search.get();
        let path = if search.is_empty() { path } else { format!("{path}?{search}") };
        route_embed.post(serde_json::json!({ "type": "pc:route", "path": path }));
    });

    // A 401 asks the portal for a new token instead of showing a sign-in dialog.
    let expired_embed = embed.clone();
    Effect::new(move |_| {
        if auth.reauth_open.get() {
            expired_embed.post(serde_json::json!({ "type": "pc:session-expired" }));
        }
    });

    embed.post(serde_json::json!({ "type": "pc:ready" }));
}
