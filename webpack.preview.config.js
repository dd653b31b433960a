/**
 * Builds the preview: the task pane beside a read-only grid of a generated sample workbook, held in
 * memory, so the add-in can be tried (and tested in a real browser) without Excel. It is a separate
 * build into its own folder: nothing of it goes into dist/, the production add-in.
 *
 *   npm run preview                                 serves it on http://localhost:3001/preview.html
 *   webpack --config webpack.preview.config.js      builds it into dist-preview/ (env PREVIEW_OUT to change)
 *
 * The build is in development mode without eval-based source maps, so the page's Content Security
 * Policy (no eval, no inline scripts) holds in the preview exactly as in the pane.
 */
"use strict";

const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const PREVIEW_PORT = 3001;

module.exports = (env = {}) => {
  const outputPath = path.resolve(
    env.outputPath ?? process.env.PREVIEW_OUT ?? path.join(__dirname, "dist-preview"),
  );
  return {
    mode: "development",
    devtool: false,
    entry: { preview: "./src/preview/index.tsx" },
    output: { path: outputPath, filename: "[name].js", clean: true },
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
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: false },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
    ],
    // Rebuilds (each run of the browser tests builds afresh) reuse the last build's modules.
    cache: {
      type: "filesystem",
      cacheDirectory: path.join(__dirname, "node_modules", ".cache", "webpack-preview"),
      buildDependencies: { config: [path.join(__dirname, "webpack.preview.config.js")] },
    },
    performance: { hints: false },
    infrastructureLogging: { level: "warn" },
    stats: "errors-warnings",
    devServer: {
      port: PREVIEW_PORT,
      host: "localhost",
      static: false,
      hot: false,
      liveReload: false,
      client: false,
      open: false,
    },
  };
};
