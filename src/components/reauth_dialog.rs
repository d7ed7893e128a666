//! The re-sign-in dialog that opens over the page on 401 or before expiry. The page behind
//! it stays mounted, so filters, selections and typed input survive; waiting calls resume.

use crate::api::use_auth;
use crate::components::sign_in_form::SignInForm;
use crate::i18n::{tr, Msg};
use leptos::prelude::*;

#[component]
pub fn ReauthDialog() -> impl IntoView {
    let auth = use_auth();
    let identity = move || auth.session.with(|s| s.as_ref().map(|s| (s.account.clone(), s.user.clone(), s.stay)));
    view! {
        <Show when=move || auth.reauth_open.get()>
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="reauth-title" data-testid="reauth-dialog">
                    <h2 id="reauth-title">{tr(Msg::ReauthTitle)}</h2>
                    <p class="muted">{tr(Msg::ReauthIntro)}</p>
                    {move || identity().map(|(account, user, stay)| view! {
                        <SignInForm
                            fixed=Some((account, user, stay))
                            on_success=Callback::new(move |_| auth.finish_reauth(true))
                            on_cancel=Callback::new(move |_| auth.finish_reauth(false))
                        />
                    })}
                </div>
            </div>
        </Show>
    }
}
