//! X1 sign-in: account, user and password against IAM. The token stays in memory, or in
//! sessionStorage when the person ticks "stay signed in"; never in a URL, log or localStorage.

use crate::api::use_auth;
use crate::components::sign_in_form::SignInForm;
use crate::i18n::{tr, use_i18n, Msg};
use crate::routes::safe_next;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub fn SignIn() -> impl IntoView {
    let auth = use_auth();
    let query = use_query_map();
    let navigate = use_navigate();
    let go_next = move || {
        let next = safe_next(query.with_untracked(|q| q.get("next")));
        navigate(&next, NavigateOptions { replace: true, ..Default::default() });
    };
    let go = go_next.clone();
    Effect::new(move |_| {
        if auth.session.with(|s| s.is_some()) {
            go();
        }
    });
    view! {
        <div class="signin-page">
            <div class="signin-card card">
                <div class="brand-large">{tr(Msg::AppName)}</div>
                <h1>{tr(Msg::SignInTitle)}</h1>
                <p class="muted">{tr(Msg::SignInIntro)}</p>
                <SignInForm fixed=None on_success=Callback::new(move |_| go_next()) />
            </div>
            <LanguageLink />
        </div>
    }
}

#[component]
fn LanguageLink() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button class="link-button" data-testid="switch-language" on:click=move |_| {
            let next = if i18n.get() == crate::i18n::Locale::ZhCn { crate::i18n::Locale::En } else { crate::i18n::Locale::ZhCn };
            i18n.set(next);
        }>{tr(Msg::SwitchLanguage)}</button>
    }
}
