/**
 * The ribbon's function file (the manifest's FunctionFile, commands.html).
 *
 * Every button of the Permanence tracker group is a ShowTaskpane action, which Office handles itself,
 * so no function is registered with Office.actions.associate: a button that runs code without the
 * pane (ExecuteFunction) would register here and call event.completed() when done.
 * Office still loads this page for the group, and expects it to initialise Office.js.
 */
if (typeof Office !== "undefined") {
  void Office.onReady();
}

export {};
