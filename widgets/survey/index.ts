export { startSurveys } from "./start-surveys";
export { openSurvey } from "./open-survey";
export { nextQuestion } from "./next-question";
