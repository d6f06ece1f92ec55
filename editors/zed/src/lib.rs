//! Starts `incident-report lsp --stdio` (found on the PATH of the worktree) and hands it the
//! `lsp.incident-report` settings of Zed's settings.json: `initialization_options` as
//! initializationOptions, `settings` as the answer to workspace/configuration.
use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

struct IncidentReport;

impl zed::Extension for IncidentReport {
    fn new() -> Self {
        IncidentReport
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("incident-report")
            .ok_or_else(|| "incident-report is not on the PATH (npm install, then npm link in its checkout)".to_string())?;
        Ok(zed::Command { command, args: vec!["lsp".into(), "--stdio".into()], env: Default::default() })
    }

    fn language_server_initialization_options(&mut self, id: &LanguageServerId, worktree: &zed::Worktree) -> Result<Option<serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(&mut self, id: &LanguageServerId, worktree: &zed::Worktree) -> Result<Option<serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.settings))
    }
}

zed::register_extension!(IncidentReport);
