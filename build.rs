//! Validates the question bank in `questions/` and hands it to the crate as JSON, so that bad data
//! fails the build with a message naming the file and the field.

#[allow(dead_code)]
#[path = "src/model/bank.rs"]
mod bank;

fn main() {
    println!("cargo:rerun-if-changed=questions");
    println!("cargo:rerun-if-changed=src/model/bank.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    let bank = match bank::load_dir(&dir) {
        Ok(bank) => bank,
        Err(issues) => {
            eprintln!("{issues}");
            std::process::exit(1);
        }
    };
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let json = serde_json::to_string(&bank).expect("a bank always serialises");
    std::fs::write(out.join("bank.json"), json).expect("OUT_DIR is writable");
}
