//! Left navigation grouped as the console: Home, Sales, Benefits, Delivery.

use crate::i18n::{use_i18n, Msg};
use crate::routes::AREAS;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SideNav() -> impl IntoView {
    let i18n = use_i18n();
    let label = move |m: Msg| m.text(i18n.get());
    let auth = crate::api::use_auth();
    // Until the profile is known, items some partners may not use stay hidden, so they never
    // flash up for a service partner.
    let ptype = move || {
        auth.profile.with(|p| {
            p.as_ref()
                .map_or(partner_api::profile::partner_type::SERVICE_PARTNER.to_string(), |p| p.partner_type.clone())
        })
    };
    view! {
        <nav class="side-nav" aria-label="Main">
            {AREAS
                .iter()
                .filter(|a| !a.items.is_empty())
                .map(|area| view! {
                    <div class="nav-area">
                        <div class="nav-area-title">{move || label(area.label)}</div>
                        <ul>
                            {area.items.iter().map(|item| view! {
                                <li style:display=move || if crate::routes::hidden_for(item.path, &ptype()) { "none" } else { "" }>
                                    <A href=crate::routes::href(item.path) attr:data-testid=item.test_id exact=item.path == "/" || item.path == crate::routes::VOUCHERS>
                                        {move || label(item.label)}
                                    </A>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
                .collect_view()}
        </nav>
    }
}
