//! Every endpoint the contract declares is served at its route template, for its verb.

mod common;

use axum::http::{Method, StatusCode};
use common::env;
use partner_api::endpoints::ALL;
use serde_json::json;

/// The template with each `{name}` replaced by a sample value.
fn sample_path(route: &str) -> String {
    let mut out = String::new();
    let mut rest = route;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').map_or(rest.len(), |e| start + e + 1);
        out.push_str(&rest[..start]);
        out.push('1');
        rest = &rest[end..];
    }
    out + rest
}

#[tokio::test]
async fn every_declared_endpoint_is_mounted() {
    let e = env();
    for (verb, route) in ALL {
        let method = Method::from_bytes(verb.as_str().as_bytes()).unwrap();
        let r = e.call(method, &sample_path(route), None, Some(json!({}))).await;
        assert!(
            r.status != StatusCode::NOT_FOUND && r.status != StatusCode::METHOD_NOT_ALLOWED,
            "{} {route} answered {r:?}",
            verb.as_str()
        );
        // Mounted behind the token check: without a token, every endpoint asks for one.
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{} {route}: {r:?}", verb.as_str());
    }
}

#[tokio::test]
async fn an_undeclared_route_or_verb_is_not_served() {
    let e = env();
    for (method, path) in [(Method::GET, "/v2/no/such/api"), (Method::DELETE, "/v2/partners/profile")] {
        assert_eq!(e.call(method, path, None, None).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}
