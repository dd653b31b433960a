// The implementation moved to the engine, where the sample tracker generator uses it too.
export { randomInteger, seededRandom } from "../../src/engine/sample/seededRandom";
