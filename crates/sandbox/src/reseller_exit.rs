//! Resellers that are leaving their distributor. The contract documents Q1's item error
//! `CBC.50010105` ("reseller is exiting") but no API that starts an exit, so tests and demos
//! mark resellers with `/__sandbox/exiting-resellers`; Q1 then refuses them one by one while
//! still issuing to the others (partial success).

use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::store::AppState;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Mutex;

/// The `indirect_partner_id`s of exiting resellers.
#[derive(Debug, Default)]
pub struct ExitingResellers(Mutex<BTreeSet<String>>);

impl ExitingResellers {
    pub fn contains(&self, indirect_partner_id: &str) -> bool {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).contains(indirect_partner_id)
    }

    fn replace(&self, ids: BTreeSet<String>) -> Vec<String> {
        let mut set = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *set = ids;
        set.iter().cloned().collect()
    }

    fn list(&self) -> Vec<String> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).iter().cloned().collect()
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ExitingBody {
    #[serde(default)]
    pub indirect_partner_ids: Vec<String>,
}

/// `GET /__sandbox/exiting-resellers` → `{"indirect_partner_ids": [...]}`.
pub async fn get(State(state): State<AppState>) -> Json<ExitingBody> {
    Json(ExitingBody { indirect_partner_ids: state.exiting_resellers.list() })
}

/// `POST /__sandbox/exiting-resellers {"indirect_partner_ids": [...]}`: replaces the set
/// (an empty list clears it). Ids must be known resellers.
pub async fn set(
    State(state): State<AppState>,
    JsonBody(b): JsonBody<ExitingBody>,
) -> Result<Json<ExitingBody>, ApiFailure> {
    for id in &b.indirect_partner_ids {
        let known = state.data.partners.iter().any(|p| &p.id == id && p.parent.is_some());
        if !known {
            let v = partner_api::validate::Violation::new("indirect_partner_ids", format!("'{id}' is not a reseller"));
            return Err(v.into());
        }
    }
    let ids = state.exiting_resellers.replace(b.indirect_partner_ids.into_iter().collect());
    Ok(Json(ExitingBody { indirect_partner_ids: ids }))
}
