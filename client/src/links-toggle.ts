// The command that turns document links (the underlines on references) off or on again, for people
// who want hovers only: it flips normref.links.enabled where it is set, and the server registers or
// withdraws its link provider accordingly.
import * as vscode from 'vscode';

export const TOGGLE_LINKS_COMMAND = 'normref.toggleLinks';

export function registerToggleLinks(): vscode.Disposable {
  return vscode.commands.registerCommand(TOGGLE_LINKS_COMMAND, async () => {
    const config = vscode.workspace.getConfiguration('normref');
    const enabled = config.get<boolean>('links.enabled', true);
    const set = config.inspect<boolean>('links.enabled');
    // Changed in the workspace if it is set there: a user setting would not win over it.
    const target = set?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('links.enabled', !enabled, target);
    vscode.window.setStatusBarMessage(enabled ? vscode.l10n.t('normref: links off (hovers still show the pages)') : vscode.l10n.t('normref: links on'), 4000);
  });
}
