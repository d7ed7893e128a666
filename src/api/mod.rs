//! The browser side of the partner API: session, one HTTP client with one error policy.

pub mod acting;
mod client;
mod early;
pub mod profile;
pub mod saved_plans;
pub mod server_clock;
mod session;

pub use client::Api;
pub use session::{Auth, Session};

use leptos::prelude::*;

pub fn use_api() -> Api {
    expect_context::<Api>()
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
