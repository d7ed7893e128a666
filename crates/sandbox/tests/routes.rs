//! Every endpoint the contract declares is served at its route template, for its verb.

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use partner_api::endpoints::ALL;
use sandbox::{app, seed, AppState};
use tower::ServiceExt;

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
    let router = app(AppState::new(seed::generate(50, 42), 42, 86_400, Vec::new()));
    for (verb, route) in ALL {
        let path = sample_path(route);
        let req = Request::builder()
            .method(Method::from_bytes(verb.as_str().as_bytes()).unwrap())
            .uri(&path)
            .header("content-type", "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let resp = router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let text = String::from_utf8(to_bytes(resp.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap();
        assert!(
            status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
            "{} {route} answered {status}: {text}",
            verb.as_str()
        );
        // Mounted behind the token check: without a token, every endpoint asks for one.
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{} {route}: {text}", verb.as_str());
    }
}

#[tokio::test]
async fn an_undeclared_route_or_verb_is_not_served() {
    let router = app(AppState::new(seed::generate(50, 42), 42, 86_400, Vec::new()));
    for (method, path) in [(Method::GET, "/v2/no/such/api"), (Method::DELETE, "/v2/partners/profile")] {
        let req = Request::builder().method(method).uri(path).body(Body::empty()).unwrap();
        assert_eq!(router.clone().oneshot(req).await.unwrap().status(), StatusCode::NOT_FOUND, "{path}");
    }
}
