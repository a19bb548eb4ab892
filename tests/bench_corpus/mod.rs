//! The benchmark corpus generator (`benches/corpus.rs`) writes sites that
//! the library's own types load: config, registries and every article.

#[allow(dead_code, unreachable_pub)]
#[path = "../../benches/corpus.rs"]
mod corpus;

#[allow(dead_code, unreachable_pub)]
#[path = "../../benches/check.rs"]
mod check;

#[test]
fn synthetic_corpus_matches_the_content_model_and_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    match check::run(dir.path(), 40, 10) {
        Ok(report) => eprintln!("{report}"),
        Err(problems) => panic!("{problems}"),
    }
}
