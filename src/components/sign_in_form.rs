//! The sign-in fields, used by the sign-in page and by the re-sign-in dialog.

use crate::api::{use_api, use_auth, Session};
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{tr, use_i18n, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::{ApiError, ErrorKind};

/// The sign-in fields. `fixed` = (account, user, stay) locks the identity, for re-sign-in.
#[component]
pub fn SignInForm(
    fixed: Option<(String, String, bool)>,
    on_success: Callback<()>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let api = use_api();
    let auth = use_auth();
    let i18n = use_i18n();
    let locked = fixed.is_some();
    // Staying signed in for the tab (sessionStorage) is the default; the person may untick it.
    let (account0, user0, stay0) = fixed.unwrap_or((String::new(), String::new(), true));
    let account = RwSignal::new(account0);
    let user = RwSignal::new(user0);
    let password = RwSignal::new(String::new());
    let stay = RwSignal::new(stay0);
    let busy = RwSignal::new(false);
    let attempted = RwSignal::new(false);
    let wrong = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);

    let missing = move |s: RwSignal<String>| attempted.get() && s.with(|v| v.trim().is_empty());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        wrong.set(false);
        failure.set(None);
        let (a, u, p) = (account.get_untracked(), user.get_untracked(), password.get_untracked());
        if a.trim().is_empty() || u.trim().is_empty() || p.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = api.sign_in(a.trim(), u.trim(), &p).await;
            busy.set(false);
            match result {
                Ok((token, expires_at)) => {
                    password.set(String::new());
                    let stay = stay.get_untracked();
                    auth.set_session(Session {
                        token,
                        expires_at,
                        account: a.trim().into(),
                        user: u.trim().into(),
                        stay,
                    });
                    on_success.run(());
                }
                Err(e) if e.kind() == ErrorKind::Unauthorized => wrong.set(true),
                Err(e) => failure.set(Some(e)),
            }
        });
    };

    view! {
        <form class="form signin-form" data-testid="signin-form" on:submit=submit novalidate>
            <Field label=Msg::Account for_id="signin-account" invalid=Signal::derive(move || missing(account))>
                <input
                    id="signin-account"
                    data-testid="signin-account"
                    autocomplete="organization"
                    disabled=locked
                    class:invalid=move || missing(account)
                    prop:value=move || account.get()
                    on:input=move |ev| account.set(event_target_value(&ev))
                />
            </Field>
            <Field label=Msg::UserName for_id="signin-user" invalid=Signal::derive(move || missing(user))>
                <input
                    id="signin-user"
                    data-testid="signin-user"
                    autocomplete="username"
                    disabled=locked
                    class:invalid=move || missing(user)
                    prop:value=move || user.get()
                    on:input=move |ev| user.set(event_target_value(&ev))
                />
            </Field>
            <Field label=Msg::Password for_id="signin-password" invalid=Signal::derive(move || missing(password))>
                <input
                    id="signin-password"
                    data-testid="signin-password"
                    type="password"
                    autocomplete="current-password"
                    class:invalid=move || missing(password) || wrong.get()
                    prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
            </Field>
            <Show when=move || !locked>
                <label class="checkbox">
                    <input
                        type="checkbox"
                        data-testid="signin-stay"
                        prop:checked=move || stay.get()
                        on:change=move |ev| stay.set(event_target_checked(&ev))
                    />
                    {tr(Msg::StaySignedIn)}
                </label>
            </Show>
            <Show when=move || wrong.get()>
                <div class="form-error" role="alert" data-testid="signin-wrong">{tr(Msg::WrongCredentials)}</div>
            </Show>
            {move || failure.get().map(|e| view! { <ErrorNotice error=e /> })}
            <div class="form-actions">
                <button class="button primary" type="submit" data-testid="signin-submit" disabled=move || busy.get()>
                    {move || if busy.get() { Msg::SigningIn } else { Msg::SignIn }.text(i18n.get())}
                </button>
                {on_cancel.map(|c| view! {
                    <button class="button" type="button" data-testid="signin-cancel" on:click=move |_| c.run(())>
                        {tr(Msg::Cancel)}
                    </button>
                })}
            </div>
        </form>
    }
}

/// A labelled field with its required message under it.
#[component]
fn Field(label: Msg, for_id: &'static str, invalid: Signal<bool>, children: Children) -> impl IntoView {
    view! {
        <div class="field" class:field-invalid=move || invalid.get()>
            <label class="field-label" for=for_id>{tr(label)}<span class="required" aria-hidden="true">"*"</span></label>
            {children()}
            <Show when=move || invalid.get()>
                <div class="field-error" role="alert">{tr(Msg::FieldRequired)}</div>
            </Show>
        </div>
    }
}
