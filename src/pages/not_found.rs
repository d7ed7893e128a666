use crate::i18n::{tr, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="not-found" data-testid="not-found">
            <div class="not-found-code">"404"</div>
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p class="muted">{tr(Msg::NotFoundText)}</p>
            <A href=crate::routes::href("/") attr:class="button">{tr(Msg::BackHome)}</A>
        </section>
    }
}
