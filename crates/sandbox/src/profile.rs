//! `GET /v2/partners/profile` (own contract): who is signed in and what they may filter by.

use crate::auth::Caller;
use crate::store::{AppState, Data, UserIx};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::{Extension, Json};
use partner_api::profile::{IndirectPartnerRef, Person, Profile};

pub fn person(data: &Data, u: UserIx) -> Person {
    let u = &data.users[u];
    Person { account_name: u.name.clone(), name: u.display_name.clone() }
}

pub async fn get(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> Json<Profile> {
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let indirect_partners = v
        .partner
        .resellers
        .iter()
        .map(|&r| IndirectPartnerRef {
            indirect_partner_id: data.partners[r].id.clone(),
            name: data.partners[r].name.clone(),
        })
        .collect();
    Json(Profile {
        partner_id: v.partner.id.clone(),
        partner_name: v.partner.name.clone(),
        partner_type: v.partner.partner_type.into(),
        user_id: v.user.id.clone(),
        user_name: v.user.name.clone(),
        display_name: v.user.display_name.clone(),
        role: v.user.role.into(),
        site: v.partner.site.into(),
        account_managers: v.own_account_managers().into_iter().map(|u| person(data, u)).collect(),
        indirect_partners,
    })
}
