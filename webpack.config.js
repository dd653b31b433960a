/**
 * Builds the add-in's web files into dist/:
 *   taskpane.html + taskpane.[hash].js   the task pane (src/taskpane/index.tsx)
 *   commands.html + commands.[hash].js   the ribbon's function file (src/commands/commands.ts)
 *   support.html, assets/*.png           the manifest's support page and icons
 *   manifest.xml                         the manifest, its https://localhost:3000/ replaced by the
 *                                        production URL (env ADDIN_PROD_URL) in production builds
 *
 *   npm run build        production (minified, no source maps)
 *   npm run dev-server   development, served on https://localhost:3000 with the Office dev certificate
 *
 * Office's own script comes from its CDN through a <script> tag in the html files, as Office requires;
 * nothing else is loaded from outside the add-in's origin.
 */
"use strict";

const path = require("node:path");
const Module = require("node:module");

/**
 * Works around the installed tree: .npmrc sets legacy-peer-deps, so npm does not place ajv-keywords'
 * peer ajv@8 beside it, and ajv-keywords (used by schema-utils, which copy-webpack-plugin and
 * webpack-dev-server call to check their options) finds eslint's ajv@6 at the top of node_modules:
 * "Cannot find module 'ajv/dist/compile/codegen'". Requests for ajv from inside ajv-keywords go to
 * schema-utils' own ajv@8 instead. Does nothing once the top-level ajv is 8 or later.
 */
function pointAjvKeywordsAtAjv8() {
  const topLevelAjv = require("ajv/package.json").version;
  if (Number(topLevelAjv.split(".")[0]) >= 8) return;
  const schemaUtils = path.dirname(require.resolve("schema-utils/package.json"));
  const ajv8 = path.dirname(require.resolve("ajv/package.json", { paths: [schemaUtils] }));
  if (Number(require(path.join(ajv8, "package.json")).version.split(".")[0]) < 8) return;
  const inAjvKeywords = `${path.sep}node_modules${path.sep}ajv-keywords${path.sep}`;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const fromAjvKeywords =
      parent !== undefined && parent !== null && String(parent.filename).includes(inAjvKeywords);
    const forAjv = request === "ajv" || request.startsWith("ajv/");
    return resolve.call(this, fromAjvKeywords && forAjv ? ajv8 + request.slice(3) : request, parent, ...rest);
  };
}
pointAjvKeywordsAtAjv8();

const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/** A placeholder that cannot be mistaken for a real deployment: set ADDIN_PROD_URL to publish. */
const PLACEHOLDER_PROD_URL = "https://www.contoso.com/permanence-tracker/";
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port ?? 3000);

/** The production base URL: https only (Office loads nothing else), always ending in "/". */
function productionUrl() {
  const raw = (process.env.ADDIN_PROD_URL ?? "").trim() || PLACEHOLDER_PROD_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `ADDIN_PROD_URL "${raw}" is not a URL; expected e.g. https://addins.example.gov.uk/tracker/`,
    );
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_PROD_URL "${raw}" must be https: Office loads add-ins over https only`);
  if (url.search !== "" || url.hash !== "")
    throw new Error(`ADDIN_PROD_URL "${raw}" must not have a query or fragment`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * https options for the dev server. office-addin-dev-certs makes (once) a local certificate authority
 * and asks the operating system to trust it, so Excel accepts https://localhost:3000. Where that is not
 * possible (a container, no desktop, no sudo), the dev server falls back to its own self-signed
 * certificate: the pages load in a browser that is told to accept it, but Excel will refuse them.
 */
async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(
      `\n[permanence-tracker] office-addin-dev-certs could not provide a trusted certificate (${reason}).\n` +
        "[permanence-tracker] Serving with webpack-dev-server's own self-signed certificate instead: " +
        "browsers will warn and Excel will not load the add-in until you run " +
        "`npx office-addin-dev-certs install` on a machine where it can install certificates.\n",
    );
    return "https";
  }
}

module.exports = async (env, argv) => {
  const development = argv.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = development ? DEV_URL : productionUrl();

  return {
    mode: development ? "development" : "production",
    devtool: development ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: development ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // `npm run typecheck` checks types; the bundle only needs each file transpiled
              // (tsconfig has isolatedModules), and ES modules let webpack drop unused Fluent code.
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: development },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              development
                ? content
                : Buffer.from(content.toString("utf8").split(DEV_URL).join(baseUrl), "utf8"),
          },
        ],
      }),
    ],
    // Fluent UI and React make the pane's bundle several hundred kB; warn only if it grows past 1 MB.
    performance: { hints: "warning", maxEntrypointSize: 1_000_000, maxAssetSize: 1_000_000 },
    devServer: serving
      ? {
          port: DEV_SERVER_PORT,
          server: await devServerHttps(),
          static: false,
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
