//! X3: how a failed call is shown. 4xx says what to fix, 5xx says the service failed and
//! offers a retry; both show the error code and request id for support.

use crate::i18n::{error_text, use_i18n, Msg};
use leptos::prelude::*;
use partner_api::{ApiError, ErrorKind};

/// The notice's title. A customer token that lapsed is not the person's own session ending
/// (their session is untouched), so it is not titled "sign in again".
fn title(code: &str, kind: ErrorKind) -> Msg {
    if code == partner_api::codes::CUSTOMER_TOKEN_EXPIRED {
        return Msg::ErrorActingEndedTitle;
    }
    match kind {
        ErrorKind::Invalid => Msg::ErrorClientTitle,
        ErrorKind::Unauthorized => Msg::ErrorUnauthorizedTitle,
        ErrorKind::Forbidden => Msg::ErrorForbiddenTitle,
        ErrorKind::Throttled => Msg::ErrorThrottledTitle,
        ErrorKind::Server => Msg::ErrorServerTitle,
        ErrorKind::Business => Msg::ErrorBusinessTitle,
        ErrorKind::Network => Msg::ErrorNetworkTitle,
        ErrorKind::Timeout => Msg::ErrorTimeoutTitle,
    }
}

#[component]
pub fn ErrorNotice(error: ApiError, #[prop(optional)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = error.kind();
    let err = StoredValue::new(error);
    let detail = move || {
        let l = i18n.get();
        err.with_value(|e| {
            let explained = error_text(&e.code, l).map(str::to_string).unwrap_or_else(|| e.message.clone());
            match e.parameter() {
                Some(p) => format!("{explained} — {}{p}", Msg::ErrorFieldPrefix.text(l)),
                None => explained,
            }
        })
    };
    let hint = move || match kind {
        ErrorKind::Server => Some(Msg::ErrorServerHint.text(i18n.get())),
        // A network failure's text already says to check the connection (i18n/errors.rs).
        ErrorKind::Timeout => Some(Msg::ErrorNetworkHint.text(i18n.get())),
        _ => None,
    };
    let code = err.with_value(|e| e.code.clone());
    let title_msg = title(&code, kind);
    let request_id = err.with_value(|e| e.request_id.clone());
    view! {
        <div class="notice notice-error" role="alert" data-testid="error-notice" data-kind=format!("{kind:?}")>
            <div class="notice-title">{move || title_msg.text(i18n.get())}</div>
            <div class="notice-body" data-testid="error-detail">{detail}</div>
            {move || hint().map(|h| view! { <div class="notice-hint">{h}</div> })}
            <dl class="notice-meta">
                <dt>{move || Msg::ErrorCode.text(i18n.get())}</dt>
                <dd data-testid="error-code">{code}</dd>
                {request_id.map(|id| view! {
                    <dt>{move || Msg::RequestId.text(i18n.get())}</dt>
                    <dd data-testid="error-request-id">{id}</dd>
                })}
            </dl>
            // Sending the same request again cannot help when it was refused as wrong or not
            // allowed (4xx): only failures that may pass later get a Retry.
            {on_retry.filter(|_| retry_may_help(kind)).map(|cb| view! {
                <button class="button" data-testid="error-retry" on:click=move |_| cb.run(())>
                    {move || Msg::Retry.text(i18n.get())}
                </button>
            })}
        </div>
    }
}

/// Whether sending the same call again may succeed: a server failure, throttling, no or a late
/// answer, or a business failure (some, like "too frequent", pass later).
fn retry_may_help(kind: ErrorKind) -> bool {
    !matches!(kind, ErrorKind::Invalid | ErrorKind::Forbidden | ErrorKind::Unauthorized)
}
