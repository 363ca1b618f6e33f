//! Writing output files: each one atomically (temporary file, then rename), and never over an
//! existing file unless the user asked for it with `--force`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::Error;

/// One file to write: its name inside the output folder and its bytes.
pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Writes `bytes` to `path`, which must not exist yet (`kravgen init`'s starter profile).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::Usage(format!(
            "error: {} exists already; kravgen init never overwrites a file\n  \
             = hint: give another path, e.g. `kravgen init new-profile.yaml`",
            path.display()
        )));
    }
    let temporary = temporary_beside(path, bytes)?;
    temporary
        .persist_noclobber(path)
        .map_err(|error| Error::Write {
            path: path.to_path_buf(),
            source: error.error,
        })?;
    Ok(())
}

/// Writes every file into `dir` (created when missing). Without `force`, nothing is written when
/// any of the files exists already. Returns the paths written, in order.
pub fn write_all(dir: &Path, files: &[OutputFile], force: bool) -> Result<Vec<PathBuf>, Error> {
    let paths: Vec<PathBuf> = files.iter().map(|file| dir.join(&file.name)).collect();
    let existing: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
    if !force && !existing.is_empty() {
        return Err(refusal(&existing));
    }

    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    // Every file is written in full beside its target before any target is replaced, so a full
    // disk or a missing permission leaves the folder as it was.
    let temporaries = files
        .iter()
        .zip(&paths)
        .map(|(file, path)| temporary_beside(path, &file.bytes))
        .collect::<Result<Vec<_>, Error>>()?;
    for (temporary, path) in temporaries.into_iter().zip(&paths) {
        temporary.persist(path).map_err(|error| Error::Write {
            path: path.clone(),
            source: error.error,
        })?;
    }
    Ok(paths)
}

/// A temporary file in the target's folder (so the rename stays on one file system).
fn temporary_beside(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let failed = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kravgen-");
    // Documents are shared files: the user's umask decides, as for any new file (not 0600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(folder).map_err(failed)?;
    temporary.write_all(bytes).map_err(failed)?;
    temporary.as_file().sync_all().map_err(failed)?;
    Ok(temporary)
}

fn refusal(existing: &[PathBuf]) -> Error {
    let names: Vec<String> = existing
        .iter()
        .map(|p| format!("  {}", p.display()))
        .collect();
    let noun = if existing.len() == 1 {
        "this file exists"
    } else {
        "these files exist"
    };
    Error::Usage(format!(
        "error: {noun} already and would be overwritten:\n{}\n  = hint: choose another folder with -o, remove them, or pass --force to replace them",
        names.join("\n")
    ))
}
