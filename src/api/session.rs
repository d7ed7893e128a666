//! Who is signed in, and the re-sign-in handshake: a call that gets 401 waits here until the
//! person signs in again over the page (then it is retried) or gives up.

use futures::channel::oneshot;
use leptos::prelude::*;
use partner_api::profile::Profile;
use partner_api::time::Instant;
use serde::{Deserialize, Serialize};

const SESSION_KEY: &str = "pc.session";

#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub token: String,
    #[serde(with = "partner_api::time::wire")]
    pub expires_at: Instant,
    pub account: String,
    pub user: String,
    /// Kept in sessionStorage (this tab only) when true; memory only otherwise.
    pub stay: bool,
}

// Debug output never carries the token, so it cannot end up in a log.
impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("account", &self.account)
            .field("user", &self.user)
            .field("expires_at", &self.expires_at)
            .field("stay", &self.stay)
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Copy)]
pub struct Auth {
    pub session: RwSignal<Option<Session>>,
    pub profile: RwSignal<Option<Profile>>,
    /// The re-sign-in dialog is open.
    pub reauth_open: RwSignal<bool>,
    waiters: StoredValue<Vec<oneshot::Sender<bool>>>,
}

impl Auth {
    /// Restores a "stay signed in" session of this tab, if it has not expired.
    pub fn init() -> Self {
        let restored = crate::storage::session_get(SESSION_KEY)
            .and_then(|s| serde_json::from_str::<Session>(&s).ok())
            .filter(|s| s.expires_at > crate::format::now());
        Auth {
            session: RwSignal::new(restored),
            profile: RwSignal::new(None),
            reauth_open: RwSignal::new(false),
            waiters: StoredValue::new(Vec::new()),
        }
    }

    pub fn token(&self) -> Option<String> {
        self.session.with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
    }

    pub fn set_session(&self, session: Session) {
        if session.stay {
            if let Ok(json) = serde_json::to_string(&session) {
                crate::storage::session_set(SESSION_KEY, &json);
            }
        } else {
            crate::storage::session_remove(SESSION_KEY);
        }
        self.session.set(Some(session));
    }

    pub fn sign_out(&self) {
        crate::storage::session_remove(SESSION_KEY);
        crate::storage::forget_drafts();
        self.session.set(None);
        self.profile.set(None);
        self.finish_reauth(false);
    }

    /// Opens the re-sign-in dialog and resolves once it is done: true = signed in again.
    pub async fn wait_for_reauth(&self) -> bool {
        let (tx, rx) = oneshot::channel();
        self.waiters.update_value(|w| w.push(tx));
        self.reauth_open.set(true);
        rx.await.unwrap_or(false)
    }

    /// Called by the dialog: wakes every call that waited for it.
    pub fn finish_reauth(&self, signed_in: bool) {
        self.reauth_open.set(false);
        let waiters = self.waiters.try_update_value(std::mem::take).unwrap_or_default();
        for w in waiters {
            let _ = w.send(signed_in);
        }
    }
}
