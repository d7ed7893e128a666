//! Notices a new deployment while the app is open: `version.json` (never cached) carries the
//! build id; when it differs from the one this page started with, offer a reload. Nothing is
//! reloaded automatically, so a form in progress is never lost.
//!
//! The same notice answers a page whose code could not be downloaded (pages are lazily loaded
//! wasm modules; the chunk loader fires `pc-chunk-failed` after its retries, see
//! xtask/split-wasm.mjs): the page stays as it was and a reload is offered.

use crate::api::use_api;
use crate::i18n::{tr, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

#[derive(Deserialize)]
struct Version {
    build: String,
}

async fn current_build() -> Option<String> {
    let url = format!("{}version.json", crate::routes::base_path());
    let resp = gloo_net::http::Request::get(&url).header("Cache-Control", "no-cache").send().await.ok()?;
    if !resp.ok() {
        return None;
    }
    resp.json::<Version>().await.ok().map(|v| v.build)
}

#[component]
pub fn VersionNotice() -> impl IntoView {
    let interval = use_api().config().version_check_interval_ms;
    let started_with = StoredValue::new(None::<String>);
    let newer = RwSignal::new(false);
    let code_failed = RwSignal::new(false);
    let chunk_failed = window_event_listener_untyped("pc-chunk-failed", move |_| code_failed.set(true));
    let check = move || {
        spawn_local(async move {
            let Some(build) = current_build().await else { return };
            match started_with.try_get_value() {
                Some(None) => started_with.set_value(Some(build)),
                Some(Some(first)) if first != build => {
                    newer.try_set(true);
                }
                _ => {}
            }
        })
    };
    check();
    let timer = set_interval_with_handle(check, std::time::Duration::from_millis(interval.max(10_000) as u64));
    // Coming back to the tab is when a stale app is most likely noticed.
    let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            check();
        }
    });
    on_cleanup(move || {
        if let Ok(t) = timer {
            t.clear();
        }
        visible.remove();
        chunk_failed.remove();
    });
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <Show when=move || newer.get() || code_failed.get()>
            <div class="version-notice" role="status" data-testid="version-notice">
                <span>{move || if code_failed.get() { tr(Msg::PageCodeFailed) } else { tr(Msg::NewVersion) }}</span>
                <button class="button primary" data-testid="version-reload" on:click=reload>{tr(Msg::Reload)}</button>
            </div>
        </Show>
    }
}
